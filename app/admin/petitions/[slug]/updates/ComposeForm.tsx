"use client";

import { useActionState } from "react";
import { StoryBlocks } from "@/app/_campaign/Story";
import type { ComposeState } from "./actions";

const empty: ComposeState = { values: { subject: "", bodyMarkdown: "", showOnPage: false } };

/** Subject and Markdown, a preview drawn on the server, a test to the organiser, then send with a yes first. */
export function ComposeForm({ action, recipients }: { action: (state: ComposeState, form: FormData) => Promise<ComposeState>; recipients: number }) {
  const [state, formAction, pending] = useActionState(action, empty);
  const { values, errors } = state;
  const signers = (n: number) => (n === 1 ? "1 signer" : `${n.toLocaleString("en")} signers`);
  return (
    <form action={formAction} className="admin-form" noValidate>
      {state.notice && (
        <div className="notice notice-ok" role="status">
          <p>{state.notice}</p>
        </div>
      )}
      {/* A new key after sending empties the fields React would otherwise keep. */}
      <div key={state.notice ?? "editing"}>
        <div className="field">
          <label htmlFor="update-subject">Subject</label>
          <input
            id="update-subject"
            name="subject"
            type="text"
            maxLength={200}
            defaultValue={values.subject}
            aria-invalid={errors?.subject ? true : undefined}
            aria-describedby={errors?.subject ? "update-subject-error" : undefined}
          />
          {errors?.subject && (
            <p id="update-subject-error" className="field-error">
              {errors.subject}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="update-body">Update (Markdown)</label>
          <textarea
            id="update-body"
            name="bodyMarkdown"
            rows={12}
            defaultValue={values.bodyMarkdown}
            aria-invalid={errors?.bodyMarkdown ? true : undefined}
            aria-describedby={errors?.bodyMarkdown ? "update-body-error" : "update-body-hint"}
          />
          <p id="update-body-hint" className="field-hint">
            **bold**, *italic*, [links](https://example.org), &gt; quotes and - lists. Signers get it as plain text, with a line to unsubscribe.
          </p>
          {errors?.bodyMarkdown && (
            <p id="update-body-error" className="field-error">
              {errors.bodyMarkdown}
            </p>
          )}
        </div>
        <div className="check">
          <input id="showOnPage" type="checkbox" name="showOnPage" defaultChecked={values.showOnPage} />
          <label htmlFor="showOnPage">Show on the campaign page</label>
        </div>
      </div>
      <p className="form-actions">
        <button type="submit" name="intent" value="preview" disabled={pending}>
          Preview
        </button>{" "}
        <button type="submit" name="intent" value="test" disabled={pending}>
          Send a test to me
        </button>{" "}
        <button type="submit" name="intent" value="send" disabled={pending}>
          Send to {signers(recipients)}
        </button>
      </p>
      {state.confirming !== undefined && (
        <div className="notice" role="alertdialog" aria-labelledby="confirm-send-heading">
          <h3 id="confirm-send-heading">Send “{values.subject}” to {signers(state.confirming)}?</h3>
          <p>It goes out at once, a few each second, and cannot be called back. Each signer can unsubscribe from it.</p>
          <button type="submit" name="intent" value="confirm-send" disabled={pending}>
            Yes, send to {signers(state.confirming)}
          </button>
        </div>
      )}
      {state.preview && (
        <section className="update-preview" aria-labelledby="preview-heading">
          <h3 id="preview-heading">Preview</h3>
          <div className="story">
            <StoryBlocks blocks={state.preview} photoLabel="Photo" />
          </div>
        </section>
      )}
    </form>
  );
}
