import { EditConflict, errorCodes, type ErrorCode, type FieldIssue, type Locale } from '@relais/core';
import { reportReachable } from './reachability.ts';

/** A field error as the API reports it (`message` is already translated by the server). */
export type ApiFieldIssue = FieldIssue & { message?: string };

/** Any failure of an API call: a server error body, or `network` when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly fields: ApiFieldIssue[];
  readonly params: Record<string, string | number>;
  /** `edit_conflict`: each field changed on both sides (ADR 0036). */
  readonly conflict: EditConflict | undefined;
  constructor(
    status: number,
    code: ErrorCode | 'network',
    options: { message?: string; fields?: ApiFieldIssue[]; params?: Record<string, string | number>; conflict?: EditConflict | undefined } = {},
  ) {
    super(options.message ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
    this.conflict = options.conflict;
  }
}

interface ClientState {
  csrfToken: string | null;
  locale: Locale;
  onUnauthenticated: ((code: 'unauthenticated' | 'session_expired') => void) | null;
}

const state: ClientState = { csrfToken: null, locale: 'fr', onUnauthenticated: null };

/** The CSRF token of the session (from Me); sent on every write. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

/** The language sent as Accept-Language, so server messages match the UI. */
export function setApiLocale(locale: Locale): void {
  state.locale = locale;
}

/** Called when the server says the session is missing or expired (except for the calls that probe it). */
export function onUnauthenticated(handler: ClientState['onUnauthenticated']): void {
  state.onUnauthenticated = handler;
}

const BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** Do not send the CSRF header (setup and login, which have no session yet). */
  skipCsrf?: boolean;
  /** Do not trigger the global "go to login" on 401 (e.g. probing /auth/me, logging in). */
  quietUnauthenticated?: boolean;
}

/** A parser: the zod schema of the response (`.parse`) or any function with that shape. */
export interface Parser<T> {
  parse(data: unknown): T;
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (errorCodes as readonly string[]).includes(code);
}

function parseErrorBody(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'error' in body) {
    const err = (body as { error: unknown }).error;
    if (err && typeof err === 'object') {
      const e = err as { code?: unknown; message?: unknown; fields?: unknown; params?: unknown; conflict?: unknown };
      const code = isErrorCode(e.code) ? e.code : 'internal';
      return new ApiError(status, code, {
        message: typeof e.message === 'string' ? e.message : undefined,
        fields: Array.isArray(e.fields) ? (e.fields as ApiFieldIssue[]) : [],
        params: e.params && typeof e.params === 'object' ? (e.params as Record<string, string | number>) : {},
        conflict: e.conflict ? EditConflict.safeParse(e.conflict).data : undefined,
      });
    }
  }
  return new ApiError(status, status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'internal');
}

function urlOf(path: string, query: RequestOptions['query']): URL {
  const url = new URL(BASE + path, window.location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  return url;
}

/** Reads an answer: an ApiError for a failure (after the global "go to login" on 401), else the validated body. */
function readAnswer<T>(method: Method, path: string, status: number, text: string, parser: Parser<T>, options: RequestOptions): T {
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (status < 200 || status >= 300) {
    const error = parseErrorBody(status, data);
    if (status === 401 && (error.code === 'unauthenticated' || error.code === 'session_expired') && !options.quietUnauthenticated) {
      state.onUnauthenticated?.(error.code);
    }
    throw error;
  }
  try {
    return parser.parse(data);
  } catch (cause) {
    console.error('Unexpected response shape', method, path, cause);
    throw new ApiError(status, 'internal');
  }
}

/**
 * Reads the answer of a call the page sent before the app started (the written login form,
 * `public/boot.js`, ADR 0043) as `request` reads its own: null is a network failure.
 */
export async function readEarlyAnswer<T>(method: Method, path: string, answer: Promise<{ status: number; text: string } | null>, parser: Parser<T>, options: RequestOptions = {}): Promise<T> {
  const sent = await answer;
  if (!sent) throw new ApiError(0, 'network');
  return readAnswer(method, path, sent.status, sent.text, parser, options);
}

/** Sends one API call (JSON body, language, CSRF token on writes); a network failure is an `ApiError` of status 0. */
async function send(method: Method, path: string, accept: string, options: RequestOptions): Promise<Response> {
  const url = urlOf(path, options.query);
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': state.locale };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && !options.skipCsrf && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  try {
    const response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    reportReachable(true);
    return response;
  } catch {
    reportReachable(false);
    throw new ApiError(0, 'network');
  }
}

/**
 * What the offline store answers for reads (web/src/offline/read-cache.ts, ADR 0027): `remember`
 * keeps an answer of a read the field screens need, `recall` gives it back when the server
 * cannot be reached (undefined: not kept).
 */
export interface OfflineReads {
  remember(path: string, query: RequestOptions['query'], body: () => unknown): void;
  recall(path: string, query: RequestOptions['query']): Promise<unknown>;
}
let offlineReads: OfflineReads | null = null;

/** Plugs the offline store into the reads (null: none). */
export function setOfflineReads(reads: OfflineReads | null): void {
  offlineReads = reads;
}

/** Performs one API call and validates the response with its core contract. */
export async function request<T>(method: Method, path: string, parser: Parser<T>, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await send(method, path, 'application/json', options);
  } catch (error) {
    const kept = method === 'GET' && offlineReads ? await offlineReads.recall(path, options.query).catch(() => undefined) : undefined;
    if (kept === undefined) throw error;
    return parser.parse(kept);
  }
  const text = await response.text();
  const answer = readAnswer(method, path, response.status, text, parser, options);
  if (method === 'GET') offlineReads?.remember(path, options.query, () => JSON.parse(text) as unknown);
  return answer;
}

/** A file answered by the server: its bytes and the name it gave (Content-Disposition). */
export interface FileAnswer {
  blob: Blob;
  fileName: string;
}

/** The file name of a Content-Disposition header (`filename*=UTF-8''…` first, then `filename="…"`). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = disposition.match(/filename\*\s*=\s*(?:UTF-8'[^']*')?([^;]+)/i);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = disposition.match(/filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i);
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  return name || fallback;
}

/** Performs one API call whose answer is a file (an export); errors are read like `request`'s. */
export async function requestFile(method: Method, path: string, fallbackName: string, options: RequestOptions = {}): Promise<FileAnswer> {
  const response = await send(method, path, '*/*', options);
  if (!response.ok) {
    // Throws the error of the body (and triggers the "go to login" on 401).
    readAnswer(method, path, response.status, await response.text(), { parse: () => null }, options);
    throw new ApiError(response.status, 'internal');
  }
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    throw new ApiError(0, 'network');
  }
  return { blob, fileName: fileNameOf(response.headers.get('Content-Disposition'), fallbackName) };
}

export interface UploadOptions {
  /** POST unless said (a voice note is PUT under its id). */
  method?: 'POST' | 'PUT';
  query?: RequestOptions['query'];
  /** The file's media type, sent as Content-Type. */
  contentType: string;
  /** Called as the body goes out: bytes sent so far, of `total`. */
  onProgress?: (sent: number, total: number) => void;
  /** Called once the whole body is sent: the server is now working on it. */
  onSent?: () => void;
  /** Aborts the upload (the promise then rejects with an `AbortError`). */
  signal?: AbortSignal;
}

/**
 * Sends a file as the raw request body (POST unless said) and validates the answer like `request`.
 * XMLHttpRequest rather than fetch: it reports the upload's progress in every browser.
 */
export function upload<T>(path: string, file: Blob, parser: Parser<T>, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? 'POST', urlOf(path, options.query));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', state.locale);
    xhr.setRequestHeader('Content-Type', options.contentType);
    if (state.csrfToken) xhr.setRequestHeader('X-CSRF-Token', state.csrfToken);
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    xhr.upload.addEventListener('progress', (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size));
    xhr.upload.addEventListener('load', () => options.onSent?.());
    xhr.addEventListener('load', () => {
      options.signal?.removeEventListener('abort', onAbort);
      try {
        resolve(readAnswer(options.method ?? 'POST', path, xhr.status, xhr.responseText, parser, {}));
      } catch (error) {
        reject(error);
      }
    });
    xhr.addEventListener('error', () => {
      options.signal?.removeEventListener('abort', onAbort);
      reportReachable(false);
      reject(new ApiError(0, 'network'));
    });
    xhr.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
    xhr.send(file);
  });
}
