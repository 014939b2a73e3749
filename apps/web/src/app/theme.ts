import { useSyncExternalStore } from 'react';

/** The appearance a person chose (Settings › Appearance); `auto` follows the system. */
export type ThemeChoice = 'light' | 'dark' | 'auto';

const KEY = 'theme';
const listeners = new Set<() => void>();

function readChoice(): ThemeChoice {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'auto';
}

/** Stores the choice locally and applies it at once, in every component that reads it. */
export function setThemeChoice(choice: ThemeChoice): void {
  if (choice === 'auto') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
  applyTheme(choice);
  for (const listener of listeners) listener();
}

/**
 * The stylesheet picks colours from `prefers-color-scheme` unless the root carries
 * `data-theme`, so `auto` needs no script to follow the system.
 */
function applyTheme(choice: ThemeChoice): void {
  if (choice === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

/** `[choice, setChoice]` for the appearance control. */
export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, readChoice);
  return [choice, setThemeChoice];
}

/** Applies the stored choice before the first render, so a dark page never flashes light. */
export function applyStoredTheme(): void {
  applyTheme(readChoice());
}
