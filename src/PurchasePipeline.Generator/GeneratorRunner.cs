using PurchasePipeline.Generator.Batches;
using PurchasePipeline.Generator.Sinks;
using PurchasePipeline.Generator.Users;

namespace PurchasePipeline.Generator;

/// <summary>Generates synthetic purchase batches and writes them to a folder or an S3 prefix.</summary>
public static class GeneratorRunner
{
    /// <summary>
    /// Writes <see cref="GenerateOptions.Files"/> batches to <see cref="GenerateOptions.Out"/> (a folder, or
    /// <c>s3://bucket/prefix</c> with the default AWS credential chain and AWS_ENDPOINT_URL[_S3] honoured),
    /// waiting <see cref="GenerateOptions.Every"/> between batches on the system clock.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message is one line naming the option.</exception>
    public static Task<GenerationResult> RunAsync(GenerateOptions options, IProgress<BatchSummary>? progress, CancellationToken cancellationToken) =>
        RunAsync(options, progress, notice: null, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(GenerateOptions, IProgress{BatchSummary}, CancellationToken)"/>; <paramref name="notice"/>
    /// hears one line for each object of a folder that was already there (replaced, and its earlier version kept, or
    /// written again with the same content).
    /// </summary>
    public static Task<GenerationResult> RunAsync(GenerateOptions options, IProgress<BatchSummary>? progress, Action<string>? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return RunOwnedSinkAsync(options, progress, notice, cancellationToken);
    }

    /// <summary>
    /// Writes the batches to <paramref name="sink"/> instead of <see cref="GenerateOptions.Out"/>, waiting on
    /// <paramref name="timeProvider"/> in periodic mode. <paramref name="progress"/> hears of each batch once
    /// it is written.
    /// </summary>
    /// <remarks>
    /// Periodic mode writes a batch, waits <see cref="GenerateOptions.Every"/>, and repeats until
    /// <see cref="GenerateOptions.Files"/> batches are written; there is no wait after the last one.
    /// Cancelling stops it with <see cref="OperationCanceledException"/>; batches written so far stay written
    /// and have been reported.
    /// </remarks>
    public static async Task<GenerationResult> RunAsync(
        GenerateOptions options,
        IObjectSink sink,
        TimeProvider timeProvider,
        IProgress<BatchSummary>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();

        string? usersKey = null;
        if (options.IncludeUsers)
        {
            await sink.PutAsync(UsersFile.Key, UsersFile.Create(options.Seed), cancellationToken).ConfigureAwait(false);
            usersKey = UsersFile.Key;
        }

        var generator = new BatchGenerator(options);
        var summaries = new List<BatchSummary>(options.Files);
        for (var batch = 1; batch <= options.Files; batch++)
        {
            if (batch > 1 && options.Every is { } every)
            {
                await Task.Delay(every, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var generated = generator.Next(batch);
            await sink.PutAsync(generated.Key, generated.Content, cancellationToken).ConfigureAwait(false);
            summaries.Add(generated.Summary);
            progress?.Report(generated.Summary);
        }

        return new GenerationResult(summaries, usersKey);
    }

    private static async Task<GenerationResult> RunOwnedSinkAsync(GenerateOptions options, IProgress<BatchSummary>? progress, Action<string>? notice, CancellationToken cancellationToken)
    {
        var sink = ObjectSinks.Create(options.Out, Environment.GetEnvironmentVariable, notice: notice);
        try
        {
            return await RunAsync(options, sink, TimeProvider.System, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            (sink as IDisposable)?.Dispose();
        }
    }
}
