using PurchasePipeline.Core.Ports;
using PurchasePipeline.Functions.Logging;

namespace PurchasePipeline.Functions.Runtime;

/// <summary>
/// The custom runtime's loop (the <c>bootstrap</c> of the Native AOT build, src/PurchasePipeline.Functions.Bootstrap):
/// the function named by the handler string, then next invocation → handler → response or error, until the
/// execution environment is frozen or shut down. The managed dotnet runtime does the same with Amazon.Lambda.RuntimeSupport.
/// </summary>
public static class LambdaRuntime
{
    /// <summary>The variable holding the function's Handler setting (a custom runtime gets it as it is).</summary>
    internal const string HandlerVariable = "_HANDLER";

    /// <summary>Serves invocations from the Runtime API of this execution environment with the AWS ports.</summary>
    /// <returns>1 when the function cannot start (reported to the API as an init error); otherwise it runs until cancelled.</returns>
    public static Task<int> RunAsync(CancellationToken cancellationToken) =>
        RunAsync(Environment.GetEnvironmentVariable, () => AwsTaskPorts.Shared, cancellationToken);

    internal static async Task<int> RunAsync(Func<string, string?> environment, Func<TaskPorts> ports, CancellationToken cancellationToken)
    {
        var address = environment(RuntimeApi.AddressVariable);
        if (string.IsNullOrEmpty(address))
        {
            await Console.Error.WriteLineAsync($"{RuntimeApi.AddressVariable} is not set: this is the Lambda custom runtime's bootstrap, started by Lambda").ConfigureAwait(false);
            return 1;
        }

        using var http = RuntimeApi.CreateHttpClient(address);
        var api = new RuntimeApi(http);
        ITaskFunction function;
        try
        {
            function = FunctionOf(environment(HandlerVariable)).Create(ports());
        }
        catch (Exception e) when (e is KeyNotFoundException or Core.Errors.PipelineException)
        {
            await api.ReportInitErrorAsync(e, cancellationToken).ConfigureAwait(false);
            return 1;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var invocation = await api.NextAsync(cancellationToken).ConfigureAwait(false);
            await InvokeAsync(api, function, invocation, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The catalog function whose handler string (or name) the function's Handler setting is.</summary>
    /// <exception cref="KeyNotFoundException">No catalog function has that handler.</exception>
    internal static TaskFunctionInfo FunctionOf(string? handler) =>
        FunctionCatalog.All.FirstOrDefault(function => function.Handler == handler || function.Name == handler)
        ?? throw new KeyNotFoundException(
            $"{HandlerVariable} '{handler}' names no task function; known: {string.Join(", ", FunctionCatalog.All.Select(function => function.Handler))}");

    private static async Task InvokeAsync(RuntimeApi api, ITaskFunction function, Invocation invocation, CancellationToken cancellationToken)
    {
        // TaskLog reads the trace of the current invocation from here, where the managed runtime also puts it.
        Environment.SetEnvironmentVariable(TaskLog.TraceIdVariable, invocation.TraceId);
        Stream output;
        try
        {
            output = await function.InvokeAsync(new MemoryStream(invocation.Payload, writable: false), cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any exception of the handler is the invocation's error, reported by type name as the managed runtime does.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await api.ReportErrorAsync(invocation.RequestId, e, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using (output.ConfigureAwait(false))
        {
            await api.RespondAsync(invocation.RequestId, output, cancellationToken).ConfigureAwait(false);
        }
    }
}
