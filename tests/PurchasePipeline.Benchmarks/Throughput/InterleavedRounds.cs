using PurchasePipeline.Functions;
using PurchasePipeline.Benchmarks.Measuring;
using PurchasePipeline.Local.Etl;

namespace PurchasePipeline.Benchmarks.Throughput;

/// <summary>
/// The cases run in rounds, each case once per round, the order rotating from round to round. On a
/// machine shared with other work, background load changes over minutes: BenchmarkDotNet measures all of
/// (a) and then all of (b), and the pandas runs would come later still, so a change in load between those
/// blocks would show as a difference between the cases. Runs of one round see about the same load, so
/// per-round ratios are the comparison the targets are judged on. The rounds also give CPU time and peak RSS.
/// </summary>
internal static class InterleavedRounds
{
    private enum Case
    {
        Ours,
        RawDuckDb,
        Pandas,
    }

    /// <param name="workspace">The generated input and each case's output folder.</param>
    /// <param name="rounds">Rounds to run.</param>
    /// <param name="pandasRounds">How many of them, the first ones, also run (c); 0 when pandas is missing.</param>
    public static IReadOnlyList<Round> Measure(BenchmarkWorkspace workspace, int rounds, int pandasRounds)
    {
        var result = new List<Round>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            Case[] cases = round < pandasRounds ? [Case.Ours, Case.RawDuckDb, Case.Pandas] : [Case.Ours, Case.RawDuckDb];
            var shift = round % cases.Length;
            RunSample? ours = null;
            RunSample? raw = null;
            PandasRun? pandas = null;
            foreach (var next in cases[shift..].Concat(cases[..shift]))
            {
                switch (next)
                {
                    case Case.Ours:
                        workspace.ResetLocalJob();
                        ours = RunSample.Of(() => new LocalEtlJob(workspace.Throughput, TimeProvider.System, new ValidationRuleFiles()).Run());
                        break;
                    case Case.RawDuckDb:
                        workspace.ResetRawDuckDb();
                        raw = RunSample.Of(() => RawDuckDbBaseline.Run(workspace.Throughput, workspace.RawDuckDbOutput));
                        break;
                    default:
                        workspace.ResetPandas();
                        pandas = PandasBaseline.Run(workspace.Throughput.Landing, workspace.PandasOutput);
                        break;
                }
            }

            result.Add(new Round(ours!.Value, raw!.Value, pandas));
        }

        return result;
    }

    /// <summary>Median over rounds of ours' throughput over raw DuckDB's: time of (b) / time of (a).</summary>
    public static double OursOverRawDuckDb(IReadOnlyList<Round> rounds) =>
        Statistics.Median(rounds.Select(r => r.RawDuckDb.Elapsed / r.Ours.Elapsed));

    /// <summary>Median over the rounds with (c) of ours' throughput over pandas': time of (c) / time of (a).</summary>
    public static double? OursOverPandas(IReadOnlyList<Round> rounds)
    {
        var withPandas = rounds.Where(r => r.Pandas is not null).ToList();
        return withPandas.Count == 0 ? null : Statistics.Median(withPandas.Select(r => r.Pandas!.Elapsed / r.Ours.Elapsed));
    }
}
