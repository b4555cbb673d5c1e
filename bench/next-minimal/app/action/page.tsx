import { SignForm } from "./SignForm";

export default function ActionPage() {
  return <SignForm />;
}
