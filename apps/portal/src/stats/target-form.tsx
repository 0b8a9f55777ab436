import { Button, fenToYuanInput, parseYuanToFen, TextField } from '@shanhai/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrorsOf } from '../common/errors';
import { useSetTarget } from './stats.queries';
import type { Figure } from './stats-views';

/** The API's upper bound for a target: ¥100 bn. */
const MAX_TARGET_FEN = 10_000_000_000_000;

/**
 * The jurisdiction's yearly target for a figure, typed in yuan and sent as integer fen (string arithmetic, so
 * "1234.56" is exactly 123456 fen).
 */
export function TargetForm({ year, figure, currentFen }: { year: number; figure: Figure; currentFen: number | null }) {
  const { t } = useTranslation();
  const [text, setText] = useState(currentFen ? fenToYuanInput(currentFen) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSetTarget();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fen = parseYuanToFen(text);
    if (fen === null || fen <= 0) return setProblem(t('statsDash.target.invalid'));
    if (fen > MAX_TARGET_FEN) return setProblem(t('statsDash.target.tooLarge'));
    setProblem(null);
    save.mutate({ year, figure, amountFen: fen });
  };

  const apiReason = save.isError ? (fieldErrorsOf(save.error).amountFen ?? errorText(save.error, t)) : null;
  return (
    <form className="stats-target" onSubmit={submit} noValidate data-testid="target-form">
      <TextField
        label={t('statsDash.target.label', {
          year,
          figure: t(`statsDash.figure.${figure}`),
        })}
        hint={t('statsDash.target.hint')}
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={problem ?? apiReason ?? undefined}
      />
      <Button type="submit" variant="primary" disabled={save.isPending}>
        {save.isPending ? t('statsDash.target.saving') : t('statsDash.target.save')}
      </Button>
      <span role="status" className="stats-target__status">
        {save.isSuccess ? t('statsDash.target.saved') : ''}
      </span>
    </form>
  );
}
