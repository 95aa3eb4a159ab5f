import { useState } from 'react';
import { saveFile } from './save-file.ts';

/**
 * Fetching a file and saving it on the device: `download(key, fetchFile)` runs one download
 * named `key` ('xlsx', 'csv'…); `busy` is the key of the one under way (or null), `error` the
 * last failure (cleared by the next download).
 */
export function useFileDownload<Key extends string = 'file'>() {
  const [busy, setBusy] = useState<Key | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const download = async (key: Key, fetchFile: () => Promise<{ blob: Blob; fileName: string }>) => {
    setBusy(key);
    setError(undefined);
    try {
      const file = await fetchFile();
      saveFile(file.blob, file.fileName);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return { busy, error, download };
}
