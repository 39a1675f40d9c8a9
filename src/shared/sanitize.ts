/**
 * The one place rich platform HTML becomes DOM. Descriptions are Markdown (or legacy HTML) written
 * by strangers: they go through marked and a strict DOMPurify profile in `description-pipeline.ts`,
 * which is imported lazily the first time a description is shown.
 */
import type { RichText } from '../api/types.js';
import type { PipelineOptions } from './description-pipeline.js';

type Pipeline = typeof import('./description-pipeline.js');
let pipeline: Promise<Pipeline> | null = null;

/** Starts downloading the pipeline (e.g. when a pointer hovers an item that opens a detail). */
export function preloadDescriptionPipeline(): Promise<Pipeline> {
  pipeline ??= import('./description-pipeline.js').catch((error: unknown) => {
    pipeline = null; // let a later call retry a failed chunk download
    throw error;
  });
  return pipeline;
}

/** Sanitised DOM for a description. Each call returns a fresh fragment, safe to insert once. */
export async function renderRichText(text: RichText, options: PipelineOptions): Promise<DocumentFragment> {
  const { renderDescription } = await preloadDescriptionPipeline();
  return renderDescription(text.source, text.format, options);
}
