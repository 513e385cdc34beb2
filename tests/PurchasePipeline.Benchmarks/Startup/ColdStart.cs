using System.Diagnostics;

namespace PurchasePipeline.Benchmarks.Startup;

/// <summary>
/// One cold start as Lambda does it: a new process of the published package (its apphost or native <c>bootstrap</c>),
/// the environment Lambda sets, the Runtime API at <see cref="FakeLambdaService"/>; timed from process start to the
/// function's first response, with the CPU time the process used until then. The process is killed afterwards.
/// </summary>
internal static class ColdStart
{
    public static async Task<ColdStartSample> MeasureAsync(string bootstrap, FakeLambdaService service, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(bootstrap) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = service.Address;
        start.Environment["_HANDLER"] = "PurchasePipeline.Functions::PurchasePipeline.Functions.StartCrawlerFunction::HandleAsync";
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "purchase-pipeline-StartCrawler";
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        start.Environment["AWS_SESSION_TOKEN"] = "session";
        start.Environment["AWS_ENDPOINT_URL"] = "http://" + service.Address;
        var reply = service.NextReply();
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {bootstrap}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var exited = process.WaitForExitAsync(cancellationToken);
        if (await Task.WhenAny(reply, exited, Task.Delay(TimeSpan.FromMinutes(1), cancellationToken)).ConfigureAwait(false) != reply)
        {
            TryKill(process);
            throw new InvalidOperationException($"{bootstrap} sent no reply: {await errors.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }

        var first = await reply.ConfigureAwait(false);
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        TryKill(process);
        await exited.ConfigureAwait(false);
        return first.IsResponse
            ? new ColdStartSample(Stopwatch.GetElapsedTime(started, first.Timestamp), cpu)
            : throw new InvalidOperationException($"{bootstrap} answered with an error: {first.Body}");
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}

/// <summary>Process start to first response, and the CPU time the process had used by then.</summary>
internal readonly record struct ColdStartSample(TimeSpan Elapsed, TimeSpan CpuTime);
