using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The StartCrawler state's Lambda: starts the Glue crawler over raw/, or joins the crawl in progress (<see cref="StartCrawlerTask"/>).</summary>
/// <remarks>
/// Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.StartCrawlerFunction::HandleAsync</c>
/// (<see cref="FunctionCatalog"/>). The primary constructor takes the ports, for the local plane and the tests; the
/// parameterless one is the Lambda runtime's, with the AWS adapters (<see cref="AwsTaskPorts"/>).
/// </remarks>
public sealed class StartCrawlerFunction(ICrawlerService crawler) : ITaskFunction
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public StartCrawlerFunction()
        : this(AwsTaskPorts.Shared.Crawler)
    {
    }

    private readonly StartCrawlerTask task = new(crawler);

    /// <summary>The Lambda entry point: <see cref="StartCrawlerRequest"/> JSON in, <see cref="CrawlerResult"/> JSON out.</summary>
    /// <remarks>Exceptions propagate: Lambda reports the exception's type name as the error the state's Retry and Catch match.</remarks>
    public Task<Stream> HandleAsync(Stream input) => InvokeAsync(input, CancellationToken.None);

    /// <inheritdoc />
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
        TaskStream.RunAsync(input, TaskJson.Default.StartCrawlerRequest, TaskJson.Default.CrawlerResult, task.RunAsync, cancellationToken);
}
