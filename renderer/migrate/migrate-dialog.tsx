import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MigrateCopyStorage, MigrateRoute } from '../../shared/api/domain-migrate';
import type { DomainSummary } from '../../shared/api/domains';
import { describeConnection, type HostView } from '../../shared/api/hosts';
import { Dialog } from '../common/dialog';
import { RadioField } from '../common/radio-field';
import { useStores } from '../common/stores-context';
import { TextField } from '../common/text-field';
import { useJobSubmit } from '../common/use-job-submit';
import { hostDisplayName } from '../stores/display-names';
import { FormFooter } from '../storage/volumes/form-footer';

/** The line under the form saying how the source's libvirt will reach the destination. */
const PATH_KEYS: Record<MigrateRoute, string> = {
  auto: 'migrate.pathAuto',
  direct: 'migrate.pathDirect',
  relay: 'migrate.pathRelay',
};

/**
 * Migrate a VM to another connected host: live or paused (a shut-off VM moves its definition),
 * keep it defined there, remove it here, copy its disks, a bandwidth limit, tunnelled. Runs as a job
 * of the source host: the dialog closes once its checks passed; the jobs panel shows progress and Cancel.
 */
export function MigrateDialog(props: {
  hostId: string;
  hostName: string;
  domain: DomainSummary;
  /** The other connected hosts. */
  destinations: HostView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { migrateCalls } = useStores();
  const { domain } = props;
  const ids = { mode: useId(), dest: useId(), copy: useId(), route: useId() };
  const offline = domain.state === 'shut off';
  const [destHostId, setDest] = useState(props.destinations[0]?.config.id ?? '');
  const [live, setLive] = useState(domain.state !== 'paused');
  const [persistent, setPersistent] = useState(true);
  const [undefineSource, setUndefine] = useState(offline);
  const [copyStorage, setCopy] = useState<MigrateCopyStorage>('none');
  const [bandwidth, setBandwidth] = useState('');
  const [tunnelled, setTunnelled] = useState(false);
  const [route, setRoute] = useState<MigrateRoute>('auto');
  const job = useJobSubmit({
    onStarted: props.onClose,
    doneKey: 'migrate.done',
    failedKey: 'migrate.failed',
    failedParams: { name: domain.name },
  });
  const dest = props.destinations.find((h) => h.config.id === destHostId);
  const limit = bandwidth.trim() === '' ? undefined : Number(bandwidth);
  const bandwidthProblem =
    limit !== undefined && (!Number.isInteger(limit) || limit < 1)
      ? t('migrate.bandwidthInvalid')
      : undefined;

  const submit = () => {
    if (!dest || bandwidthProblem) return;
    job.run(() =>
      migrateCalls.migrate({
        hostId: props.hostId,
        uuid: domain.uuid,
        destHostId,
        live,
        persistent: offline || persistent,
        undefineSource,
        copyStorage: offline ? 'none' : copyStorage,
        tunnelled,
        route,
        ...(limit !== undefined ? { bandwidth: limit } : {}),
      }),
    );
  };

  const check = (label: string, checked: boolean, onChange: (v: boolean) => void, disabled = false) => (
    <label className="checkbox-field">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
  return (
    <Dialog
      title={t('migrate.title', { name: domain.name })}
      onCancel={props.onClose}
      className="migrate-dialog"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {props.destinations.length === 0 ? (
          <p role="alert" className="field-error">
            {t('migrate.noDestination')}
          </p>
        ) : (
          <div className="field">
            <label htmlFor={ids.dest}>{t('migrate.destination')}</label>
            <select id={ids.dest} value={destHostId} onChange={(e) => setDest(e.target.value)} autoFocus>
              {props.destinations.map((h) => (
                <option key={h.config.id} value={h.config.id}>
                  {`${hostDisplayName(h.config)} (${describeConnection(h.config)})`}
                </option>
              ))}
            </select>
          </div>
        )}
        {offline ? (
          <p className="field-hint">{t('migrate.offline')}</p>
        ) : (
          <fieldset>
            <legend>{t('migrate.mode')}</legend>
            <RadioField
              name={ids.mode}
              label={t('migrate.live')}
              checked={live}
              onChange={() => setLive(true)}
            />
            <RadioField
              name={ids.mode}
              label={t('migrate.paused')}
              checked={!live}
              onChange={() => setLive(false)}
            />
          </fieldset>
        )}
        {!offline && check(t('migrate.persistent'), persistent, setPersistent)}
        {check(t('migrate.undefineSource', { host: props.hostName }), undefineSource, setUndefine)}
        {!offline && (
          <div className="field">
            <label htmlFor={ids.copy}>{t('migrate.copyStorage')}</label>
            <select
              id={ids.copy}
              value={copyStorage}
              onChange={(e) => setCopy(e.target.value as MigrateCopyStorage)}
            >
              <option value="none">{t('migrate.copyNone')}</option>
              <option value="all">{t('migrate.copyAll')}</option>
              <option value="inc">{t('migrate.copyInc')}</option>
            </select>
          </div>
        )}
        <TextField
          label={t('migrate.bandwidth')}
          value={bandwidth}
          onChange={setBandwidth}
          inputMode="numeric"
          hint={t('migrate.bandwidthHint')}
          error={bandwidthProblem}
        />
        <details className="migrate-advanced">
          <summary>{t('migrate.advanced')}</summary>
          <div className="field">
            <label htmlFor={ids.route}>{t('migrate.route')}</label>
            <select id={ids.route} value={route} onChange={(e) => setRoute(e.target.value as MigrateRoute)}>
              <option value="auto">{t('migrate.routeAuto')}</option>
              <option value="direct">{t('migrate.routeDirect')}</option>
              <option value="relay">{t('migrate.routeRelay')}</option>
            </select>
          </div>
          {check(t('migrate.tunnelled'), tunnelled, setTunnelled)}
          <p className="field-hint">{t('migrate.tunnelledHint')}</p>
        </details>
        {dest && (
          <p className="field-hint">
            {t(PATH_KEYS[route], { host: props.hostName, uri: describeConnection(dest.config) })}
            {route === 'relay' &&
              !offline &&
              ` ${t(tunnelled ? 'migrate.relayTunnelled' : 'migrate.relayNative')}`}
          </p>
        )}
        <FormFooter
          error={job.error}
          busy={job.busy || !dest}
          submitLabel={t('migrate.submit')}
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
