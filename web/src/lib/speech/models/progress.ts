// Model download progress: transformers.js' progress events folded into one entry per file, and the files summed
// for a single progress bar. Pure.
import { PROGRESS_REPLY, type ProgressReply } from '../worker/protocol.ts';

/** Download progress of one model file (bytes; `total` 0 while unknown). */
export interface FileProgress {
  file: string;
  loaded: number;
  total: number;
}

/** The worker's reply while a model downloads: every file's bytes so far. A load may get many before its answer. */
export interface DownloadProgressReply extends ProgressReply {
  files: readonly FileProgress[];
}

/** A download progress reply to the request `id`. */
export function downloadProgress(id: number, files: readonly FileProgress[]): DownloadProgressReply {
  return { type: PROGRESS_REPLY, id, files };
}

/** The fields of a transformers.js `progress_callback` event this module reads. */
export interface TransformersProgressEvent {
  status: string;
  file?: string;
  loaded?: number;
  total?: number;
}

/**
 * The files' progress after one event: 'initiate' adds a file at 0, 'progress' sets its bytes, 'done' marks it
 * complete. Other events ('download', 'ready') return `files` itself, so callers can skip posting unchanged lists.
 */
export function applyProgressEvent(files: readonly FileProgress[], event: TransformersProgressEvent): readonly FileProgress[] {
  const file = event.file;
  if (!file) return files;
  const current = files.find((entry) => entry.file === file);
  let next: FileProgress;
  switch (event.status) {
    case 'initiate':
      if (current) return files;
      next = { file, loaded: 0, total: 0 };
      break;
    case 'progress': {
      const loaded = finite(event.loaded);
      const total = Math.max(finite(event.total), loaded);
      if (current && current.loaded === loaded && current.total === total) return files;
      next = { file, loaded, total };
      break;
    }
    case 'done': {
      // Warning: 'done' carries no sizes; a file read without 'progress' events (Node's file system) stays 0 of 0.
      const size = Math.max(current?.loaded ?? 0, current?.total ?? 0);
      if (current && current.loaded === size && current.total === size) return files;
      next = { file, loaded: size, total: size };
      break;
    }
    default:
      return files;
  }
  return current ? files.map((entry) => (entry === current ? next : entry)) : [...files, next];
}

/** All files together, for one progress bar. */
export interface ProgressSummary {
  loaded: number;
  /** 0 while no file's size is known. */
  total: number;
  /** 0 to 100, whole numbers; 100 only when every byte is in. */
  percent: number;
}

/** Sums the files. Sizes not yet known count as 0, so the bar may step back once a big file's size arrives. */
export function summarizeProgress(files: readonly FileProgress[]): ProgressSummary {
  let loaded = 0;
  let total = 0;
  for (const file of files) {
    loaded += file.loaded;
    total += Math.max(file.total, file.loaded);
  }
  const percent = total === 0 ? 0 : loaded >= total ? 100 : Math.min(99, Math.floor((loaded / total) * 100));
  return { loaded, total, percent };
}

function finite(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
