/**
 * Facts about the bundled content/ that tests check against, worked out by hand from the files.
 *
 * The seven events cited only by the two articles dated 21 September 2023 (ceasefire-and-yerevan-protests,
 * delegation-in-yevlax); every other event is cited by at least one of the three of 20 September. So "what was
 * known by 20 September" is everything else.
 */
export const ONLY_21 = [
  'independence-declaration-1991',
  'aliyev-televised-address',
  'pashinyan-criticises-russia',
  'russian-peacekeepers-killed',
  'sep20-ceasefire-holding',
  'white-house-concern',
  'sotk-border-incident',
];
