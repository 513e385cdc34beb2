using PurchasePipeline.Core.Ports;
using PurchasePipeline.Core.Tasks;

namespace PurchasePipeline.Functions;

/// <summary>The GetCrawlerState state's Lambda: reads the crawler's state and its last crawl's status (<see cref="GetCrawlerStateTask"/>).</summary>
/// <remarks>Lambda handler <c>PurchasePipeline.Functions::PurchasePipeline.Functions.GetCrawlerStateFunction::HandleAsync</c> (<see cref="TaskFunction{TRequest, TResult}"/>).</remarks>
public sealed class GetCrawlerStateFunction(TaskPorts ports) : TaskFunction<GetCrawlerStateRequest, CrawlerResult>(new GetCrawlerStateTask(ports.Crawler))
{
    /// <summary>The Lambda runtime's constructor: the AWS adapters of <see cref="AwsTaskPorts.Shared"/>, created once per execution environment.</summary>
    public GetCrawlerStateFunction()
        : this(AwsTaskPorts.Shared)
    {
    }
}
