// The minimal Next.js baseline: one route handler that parses the same JSON, validates it with the
// app's own zod schema and inserts one row, with nothing else of the app around it.
import { signatureInput } from "../../../../../lib/signature-input";
import { insertSignature } from "../../baseline-db";

export async function POST(request: Request) {
  const parsed = signatureInput.safeParse(await request.json());
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400 });
  insertSignature(parsed.data);
  return Response.json({ status: "signed" }, { status: 201 });
}

export function GET() {
  return Response.json({ ok: true });
}
