"use client";

import { useState } from "react";

export function Clicker() {
  const [clicks, setClicks] = useState(0);
  return <button onClick={() => setClicks(clicks + 1)}>{clicks}</button>;
}
