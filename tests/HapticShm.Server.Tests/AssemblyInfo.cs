// Timing tests (block rate, xruns, block start spacing) share 2 cores: run the classes one at a
// time so one class's jackd does not starve another's.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
