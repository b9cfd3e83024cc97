export const usage = "usage: slapage check";
export function main(): number { return 2; }
