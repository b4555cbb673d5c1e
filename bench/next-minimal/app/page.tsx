// The weight baseline: the least a Next.js App Router page with one client component ships.
import { Clicker } from "./Clicker";

export default function Page() {
  return <Clicker />;
}
