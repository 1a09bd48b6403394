// Session hand-off: a persona just added opens with its name selected, ready to type over.
let nameFocusFor: string | null = null;

export function requestNameFocus(personaId: string): void {
  nameFocusFor = personaId;
}

/** True once for the persona whose name should take focus. */
export function takeNameFocus(personaId: string): boolean {
  if (nameFocusFor !== personaId) return false;
  nameFocusFor = null;
  return true;
}
