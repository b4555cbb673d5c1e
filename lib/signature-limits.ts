/** Field lengths, in a module of their own so the browser's form can share them without zod. */
export const limits = { fullName: 120, email: 254, comment: 500 } as const;
