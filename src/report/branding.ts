import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { userError } from '../errors.ts';

/** Report branding as the config file states it: every field optional, colours as #rgb or #rrggbb. */
export const brandingSchema = z
  .object({
    /** A path to a PNG, JPEG or SVG file (relative to the config file) or a `data:image/...` URI. */
    logo: z.string().min(1).optional(),
    company: z.string().min(1).max(120).optional(),
    customer: z.string().min(1).max(120).optional(),
    reviewer: z.string().min(1).max(120).optional(),
    primaryColor: z
      .string()
      .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'use a hex colour such as #1f4e79')
      .optional(),
  })
  .strict();

export type Branding = z.infer<typeof brandingSchema>;

export const DEFAULT_PRIMARY_COLOR = '#1f4e79';

const LOGO_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

const DATA_URI = /^data:image\/(?:png|jpeg|svg\+xml|webp);base64,[A-Za-z0-9+/=]+$/;

/**
 * The logo as a data URI, so the report stays self-contained. Anything else than an image file or an
 * image data URI is refused: the value ends up in an `src` attribute.
 */
export async function logoDataUri(
  logo: string | undefined,
  baseDir = process.cwd(),
): Promise<string | undefined> {
  if (!logo) return undefined;
  if (logo.startsWith('data:')) {
    if (!DATA_URI.test(logo)) {
      throw userError(
        'branding-logo-invalid',
        'branding.logo is a data URI but not a base64 PNG, JPEG, SVG or WebP image',
        'use a file path or a data:image/png;base64,... URI',
      );
    }
    return logo;
  }
  const path = isAbsolute(logo) ? logo : resolve(baseDir, logo);
  const type = LOGO_TYPES[extname(path).toLowerCase()];
  if (!type) {
    throw userError(
      'branding-logo-invalid',
      `branding.logo ${path} is not a PNG, JPEG, SVG or WebP file`,
      'point branding.logo at an image file',
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw userError(
      'branding-logo-unreadable',
      `cannot read branding.logo ${path}`,
      'check the path in the config file',
      error,
    );
  }
  return `data:${type};base64,${bytes.toString('base64')}`;
}
