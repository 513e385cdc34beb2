using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The StartCrawler state's Lambda: starts the Glue crawler over raw/, or joins the crawl in progress (<see cref="StartCrawlerTask"/>).</summary>
/// <remarks>Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.StartCrawlerFunction::HandleAsync</c> (<see cref="TaskFunction{TRequest, TResult}"/>).</remarks>
public sealed class StartCrawlerFunction(TaskPorts ports) : TaskFunction<StartCrawlerRequest, CrawlerResult>(new StartCrawlerTask(ports.Crawler))
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public StartCrawlerFunction()
        : this(AwsTaskPorts.Shared)
    {
    }
}
