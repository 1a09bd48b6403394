// Personas: evidence-backed portraits of customers. Plain readonly data and pure functions.
// Imports nothing from React, Dexie or the DOM. Field names are stored in IndexedDB ("personas"
// table) and in backups: renaming or retyping one needs a database version and a backup migration.

/** Where a claim about the customer comes from. 'assumption' means nobody has checked it yet. */
export const evidenceSources = ['interview', 'survey', 'analytics', 'assumption'] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

export const evidenceLabels: Readonly<Record<EvidenceSource, string>> = {
  interview: 'Interview',
  survey: 'Survey',
  analytics: 'Analytics',
  assumption: 'Assumption',
};

/** One item of a list field (a goal, a pain…) and the evidence behind it. */
export interface Claim {
  readonly id: string;
  readonly text: string;
  readonly source: EvidenceSource;
}

/** The list fields of a persona, in the order the editor and the card show them. */
export const personaListFields = ['goals', 'needs', 'pains', 'gains', 'behaviours', 'channels', 'motivations'] as const;
export type PersonaListField = (typeof personaListFields)[number];

export const personaListLabels: Readonly<Record<PersonaListField, { label: string; hint: string }>> = {
  goals: { label: 'Goals', hint: 'What they are trying to achieve.' },
  needs: { label: 'Needs', hint: 'What they need from a provider like us.' },
  pains: { label: 'Pains', hint: 'What frustrates them or gets in the way.' },
  gains: { label: 'Gains', hint: 'What would delight them.' },
  behaviours: { label: 'Behaviours', hint: 'What they actually do (the “what”).' },
  channels: { label: 'Preferred channels', hint: 'Where they like to meet us.' },
  motivations: { label: 'Motivations', hint: 'Why they do it (the “why”).' },
};

export type PersonaAvatar =
  /** Initials on a colour (the default). */
  | { readonly kind: 'initials'; readonly color: string }
  /** An image the user picked, stored locally as a small data URL (size-limited). */
  | { readonly kind: 'image'; readonly dataUrl: string };

export interface Persona {
  readonly id: string;
  readonly workshopId: string;
  readonly name: string;
  readonly avatar: PersonaAvatar;
  /** The segment this persona represents, or null. */
  readonly segmentId: string | null;
  /** Something they would say, in their words. */
  readonly quote: string;
  /** Demographics or firmographics. */
  readonly context: string;
  readonly goals: readonly Claim[];
  readonly needs: readonly Claim[];
  readonly pains: readonly Claim[];
  readonly gains: readonly Claim[];
  readonly behaviours: readonly Claim[];
  readonly channels: readonly Claim[];
  readonly motivations: readonly Claim[];
  /** Position in the gallery (ascending). */
  readonly order: number;
  /** ms since epoch */
  readonly createdAt: number;
}

export const personaLimits = {
  name: 80,
  quote: 300,
  context: 1000,
  claim: 300,
  claimsPerList: 30,
  /** Characters of an avatar image's data URL (about 60 KB of image). */
  avatarDataUrl: 90_000,
  /** Largest image file a user may pick before it is scaled down. */
  avatarFileBytes: 5 * 1024 * 1024,
} as const;

/** Avatar colours, chosen to keep white initials readable (contrast 4.5:1 or better). */
export const avatarColors = ['#2f4fd8', '#0f7a5f', '#7a4fd6', '#b4481f', '#a3326b', '#1f6f8b', '#5b6b1f', '#8a5a00'] as const;
