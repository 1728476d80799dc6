import type { Program, ShellFlavor } from './shell/toolbox';

// A repository in the simulated registry: its tags, each tag's image, and how processes started
// from that image behave. docs/IMAGES.md documents every repository the catalogue holds.

/** How containers of one image run: the userland, default command and programs on the PATH. */
export interface ImageBehaviour {
  /** BusyBox or GNU userland (every catalogue image has a shell). */
  flavor: ShellFlavor;
  /** The image's ENTRYPOINT. */
  entrypoint: string[];
  /** The image's CMD. */
  cmd: string[];
  /** Entrypoint scripts that prepare and then exec their arguments (docker-entrypoint.sh). */
  wrappers: string[];
  /** Programs beyond the standard utilities, by name or absolute path. */
  programs: Record<string, Program>;
  /** Standard utilities this (slim) image lacks. */
  missing?: string[];
}

/** One tag's image. */
export interface ImageVariant {
  /** The tag asked for. */
  tag: string;
  /** Every tag naming the same image, the canonical one first. */
  aliases: string[];
  sizeBytes: number;
  behaviour: ImageBehaviour;
}

/** A repository: what a pull of <repository>:<tag> finds. */
export interface Repository {
  /** docker.io/library/nginx */
  repository: string;
  /** One line for docs/IMAGES.md and the views. */
  summary: string;
  /** Returns the image a tag names, or undefined when the registry has no such tag. */
  image(tag: string): ImageVariant | undefined;
  /** The tags to list (every tag of a fixed repository; examples of a parameterized one). */
  tags: readonly string[];
}

/** A repository whose tags are a fixed list of images. */
export interface StaticRepositorySpec extends Omit<ImageBehaviour, 'wrappers'> {
  repository: string;
  summary: string;
  wrappers?: string[];
  /** Each entry is one image; its tags all name it. */
  images: { tags: string[]; size: number }[];
}

/** Builds a repository from a fixed tag list. */
export function staticRepository(spec: StaticRepositorySpec): Repository {
  const { repository, summary, images, wrappers, ...rest } = spec;
  const behaviour: ImageBehaviour = { ...rest, wrappers: wrappers ?? [] };
  return {
    repository,
    summary,
    tags: images.flatMap((i) => i.tags),
    image(tag) {
      const found = images.find((i) => i.tags.includes(tag));
      return found && { tag, aliases: found.tags, sizeBytes: found.size, behaviour };
    },
  };
}
