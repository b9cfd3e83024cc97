/** The PDF's colours: a module of its own, so the brand (which overrides the link colour) and the layout both read it without importing each other. */
export const colors = {
  ink: '#1a1a1a',
  muted: '#5a5a5a',
  rule: '#c8ccd2',
  link: '#0b57d0',
  fill: '#eef1f5',
  codeFill: '#f5f6f8',
  stamp: '#b3261e',
} as const;
