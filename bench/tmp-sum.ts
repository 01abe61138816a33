import { summariseCpuProfile } from "./lib/cpu-profile";
console.log(JSON.stringify(summariseCpuProfile(process.argv[2]!, undefined, 40), null, 1));
