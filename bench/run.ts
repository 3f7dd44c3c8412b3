/** `npm run bench`: every benchmark, printing figures side by side with their baselines. */
import { runConsoleBench } from './console-bench';
import { runListBench } from './list-bench';
import { runXmlBench } from './xml-bench';

await runXmlBench();
await runListBench();
await runConsoleBench();
process.exit(0);
