// Design tokens: the one source of colours, type, spacing and radii for the screens
// (as CSS custom properties) and, later, the deck renderers (as plain values).
// Never hard-code a colour elsewhere; add a token here.

export const colors = {
  ink: '#17202e',
  inkMuted: '#4c5667',
  inkSubtle: '#5d6778',
  canvas: '#f4f5f8',
  surface: '#ffffff',
  surfaceSunken: '#eceff4',
  border: '#d9dee7',
  borderStrong: '#b9c1cf',
  primary: '#2f4fd8',
  primaryHover: '#2440b8',
  primarySoft: '#e8edff',
  onPrimary: '#ffffff',
  accent: '#0b8062',
  accentSoft: '#e0f5ee',
  danger: '#c4312f',
  dangerSoft: '#fdeceb',
  warning: '#b86e00',
  warningSoft: '#fff4e0',
  success: '#17864f',
  focus: '#2f4fd8',
  sidebar: '#1b2433',
  sidebarInk: '#dfe5ef',
  sidebarMuted: '#8d99ad',
  sidebarActive: '#2b3850',
  /** Lifecycle stages, shared by roadmap screens and the deck. */
  acquisition: '#2f6fdf',
  activation: '#0f9d7a',
  retention: '#7a4fd6',
  reactivation: '#d9822b',
} as const;

export const font = {
  family: "'Inter Variable', 'Inter', system-ui, -apple-system, 'Segoe UI', 'Noto Sans', sans-serif",
  mono: "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', monospace",
  size: { xs: 12, sm: 13, md: 15, lg: 18, xl: 22, xxl: 30, display: 40 },
  weight: { regular: 400, medium: 500, semibold: 600, bold: 700 },
  lineHeight: 1.5,
} as const;

export const space = { xxs: 2, xs: 4, sm: 8, md: 12, lg: 16, xl: 24, xxl: 32, xxxl: 48 } as const;
export const radius = { sm: 6, md: 10, lg: 14, pill: 999 } as const;
export const shadow = {
  card: '0 1px 2px rgba(23,32,46,.06), 0 1px 3px rgba(23,32,46,.08)',
  raised: '0 8px 24px rgba(23,32,46,.16), 0 2px 6px rgba(23,32,46,.08)',
} as const;

function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The tokens as CSS custom properties, e.g. --color-ink, --space-md, --font-size-lg. */
export function cssVariables(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(colors)) vars[`--color-${kebab(k)}`] = v;
  for (const [k, v] of Object.entries(font.size)) vars[`--font-size-${k}`] = `${v}px`;
  for (const [k, v] of Object.entries(space)) vars[`--space-${k}`] = `${v}px`;
  for (const [k, v] of Object.entries(radius)) vars[`--radius-${k}`] = `${v}px`;
  for (const [k, v] of Object.entries(shadow)) vars[`--shadow-${k}`] = v;
  vars['--font-family'] = font.family;
  vars['--font-mono'] = font.mono;
  return vars;
}

export function applyTokens(root: HTMLElement): void {
  for (const [k, v] of Object.entries(cssVariables())) root.style.setProperty(k, v);
}
