/** `npm run bench`: every benchmark, printing figures side by side with their baselines. */
import { runConsoleBench } from './console-bench';
import { runListBench } from './list-bench';
import { runUploadBench } from './upload-bench';
import { runVolumeListBench } from './volume-list-bench';
import { runXmlBench } from './xml-bench';
import { runDetailsBench } from './details-bench';
// Performance graphs (issues 10, 12)
import { runStatsHistoryBench } from './stats-history-bench';
import { runWizardBench } from './wizard-bench';
// issue 14: snapshots and migration
import { runMigrateSnapshotBench } from './migrate-snapshot-bench';
import { runRelayCeilingBench } from './relay-ceiling-bench';
// Speed through the UI and many hosts (issue 16)
import { runUiListBench } from './ui-list-bench';
import { runManyHostsBench } from './many-hosts-bench';

await runXmlBench();
await runListBench();
await runUiListBench();
await runManyHostsBench();
await runConsoleBench();
await runUploadBench();
await runVolumeListBench();
await runDetailsBench();
await runStatsHistoryBench();
await runWizardBench();
// issue 14: snapshots and migration
await runMigrateSnapshotBench();
await runRelayCeilingBench();
process.exit(0);
