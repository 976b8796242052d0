/** Why a complaint stays: said wherever a person might try to clear it. */
export const COMPLAINED_FOR_GOOD =
  'This person marked a letter from you as spam, so Afterword will not write to this address again.';

/** A bounce is cleared only after the person has looked at the address again. */
export const EDIT_BEFORE_CLEARING = 'Check the address first: open “Fix the address”, correct it or save it as it is, then come back.';
