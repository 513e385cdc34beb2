using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace PurchasePipeline.Benchmarks.Engine;

/// <summary>
/// BenchmarkDotNet's cases of a benchmark class with OperationsPerInvoke set to each case's measured state
/// transitions, so its time and allocation columns are per transition. [Benchmark(OperationsPerInvoke)]
/// takes only a constant; the transitions come from ExecutionResult, so the cases are rebuilt here instead.
/// </summary>
internal static class PerTransitionCases
{
    public static BenchmarkRunInfo Of(Type benchmarks, IConfig config, IReadOnlyDictionary<string, int> transitionsByMethod)
    {
        var info = BenchmarkConverter.TypeToBenchmarks(benchmarks, config);
        var cases = info.BenchmarksCases.Select(c =>
        {
            var d = c.Descriptor;
            var perTransition = new Descriptor(
                d.Type, d.WorkloadMethod, d.GlobalSetupMethod, d.GlobalCleanupMethod, d.IterationSetupMethod, d.IterationCleanupMethod,
                description: null, d.AdditionalLogic, d.Baseline, d.Categories, transitionsByMethod[d.WorkloadMethod.Name], d.MethodIndex);
            return BenchmarkCase.Create(perTransition, c.Job, c.Parameters, c.Config);
        });
        return new BenchmarkRunInfo([.. cases], info.Type, info.Config);
    }
}
