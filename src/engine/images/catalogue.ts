import { BASE_IMAGES } from './base';
import type { Repository } from './repository';
import { SERVER_IMAGES } from './servers';

// The public images the simulated registry holds: Docker Hub official images (and the pause and
// stress images) with their usual tags and compressed linux/amd64 sizes, which containerd reports
// as "Image size", each with the behaviour of its default process. docs/IMAGES.md lists them.

/** Every official image in the catalogue. */
export const OFFICIAL_IMAGES: readonly Repository[] = [...SERVER_IMAGES, ...BASE_IMAGES];
