using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The GetCrawlerState state's Lambda: reads the crawler's state and its last crawl's status (<see cref="GetCrawlerStateTask"/>).</summary>
/// <remarks>
/// Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.GetCrawlerStateFunction::HandleAsync</c>
/// (<see cref="FunctionCatalog"/>). The primary constructor takes the ports, for the local plane and the tests; the
/// parameterless one is the Lambda runtime's, with the AWS adapters (<see cref="AwsTaskPorts"/>).
/// </remarks>
public sealed class GetCrawlerStateFunction(ICrawlerService crawler) : ITaskFunction
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public GetCrawlerStateFunction()
        : this(AwsTaskPorts.Shared.Crawler)
    {
    }

    private readonly GetCrawlerStateTask task = new(crawler);

    /// <summary>The Lambda entry point: <see cref="GetCrawlerStateRequest"/> JSON in, <see cref="CrawlerResult"/> JSON out.</summary>
    /// <remarks>Exceptions propagate: Lambda reports the exception's type name as the error the state's Retry and Catch match.</remarks>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, CancellationToken.None);

    /// <inheritdoc />
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
        TaskStream.RunAsync(input, TaskJson.Default.GetCrawlerStateRequest, TaskJson.Default.CrawlerResult, task.RunAsync, cancellationToken);
}
