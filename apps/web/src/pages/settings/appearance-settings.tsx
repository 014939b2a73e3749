import { useThemeChoice, type ThemeChoice } from '../../app/theme.js';
import { strings } from '../../strings.js';
import { SettingsSection } from './settings-section.js';

const CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'auto'];

/** Light, dark or the system's: stored in this browser and applied at once. */
export function AppearanceSettings() {
  const [choice, setChoice] = useThemeChoice();
  return (
    <SettingsSection title={strings.settings.sections.appearance}>
      <fieldset className="choice-group">
        <legend>{strings.theme.label}</legend>
        {CHOICES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="theme"
              value={value}
              checked={choice === value}
              onChange={() => setChoice(value)}
            />
            {strings.theme[value]}
          </label>
        ))}
      </fieldset>
      <p className="field-hint">{strings.settings.appearance.hint}</p>
    </SettingsSection>
  );
}
