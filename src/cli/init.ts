export const usage = "usage: slapage init";
export function main(): number { return 2; }
