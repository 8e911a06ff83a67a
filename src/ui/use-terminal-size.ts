import { useStdout } from 'ink';
import { useEffect } from 'react';

/** Reports the terminal's size whenever it changes (the first size comes from the caller). */
export function useTerminalSize(onResize: (columns: number, rows: number) => void): void {
  const { stdout } = useStdout();
  useEffect(() => {
    const handler = () => {
      if (stdout.columns && stdout.rows) onResize(stdout.columns, stdout.rows);
    };
    stdout.on('resize', handler);
    return () => {
      stdout.off('resize', handler);
    };
  }, [stdout, onResize]);
}
