/**
 * The lowercase words of a name however it is written: `ScaleNonProd`, `scale-non-prod`,
 * `scale_non_prod`, `Scale Non Prod` and `SCALE-NON-PROD` all give `scale`, `non`, `prod`; `bastion01`
 * gives `bastion`, `01`. Checks match whole words, so `jumpstart-api` never reads as `jump`.
 */
export function nameWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
