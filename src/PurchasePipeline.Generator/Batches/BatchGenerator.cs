using PurchasePipeline.Generator.Rows;
using PurchasePipeline.Generator.Writing;

namespace PurchasePipeline.Generator.Batches;

/// <summary>
/// Produces a run's batches one after the other from a single seeded <see cref="Random"/>, so the same
/// options always yield the same bytes. Session ids are unique across the whole run.
/// </summary>
internal sealed class BatchGenerator
{
    private readonly GenerateOptions options;
    private readonly Random random;
    private readonly SessionPlanner sessions;

    public BatchGenerator(GenerateOptions options)
    {
        this.options = options;
        random = new Random(options.Seed);
        sessions = new SessionPlanner(random);
    }

    /// <summary>The day batch <paramref name="batch"/> (1-based) covers.</summary>
    public DateOnly DateOf(int batch) => options.StartDate.AddDays(batch - 1);

    /// <summary>The next batch; call with 1, 2, 3… in turn.</summary>
    public GeneratedBatch Next(int batch)
    {
        var date = DateOf(batch);
        var rows = BatchRows.Create(random, sessions, date, options.Rows, options.DirtyRate);
        var key = BatchKey.For(date, batch, options.Seed, options.Format);
        var content = options.Format == OutputFormat.JsonLines ? JsonLinesBatchWriter.Write(rows) : CsvBatchWriter.Write(rows);
        return new GeneratedBatch(key, content, rows, BatchSummaries.Create(batch, key, date, rows));
    }
}
