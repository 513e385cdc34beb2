using System.Text;
using System.Xml.Linq;

namespace PurchasePipeline.Aws.Protocol;

/// <summary>The query protocol (SNS): a form-encoded POST of Action, Version and the members; XML back.</summary>
internal sealed partial class AwsClient
{
    /// <summary>
    /// A query-protocol call: POST / with <c>Action={operation}&amp;Version={apiVersion}</c> and each member
    /// (null members are left out); <paramref name="parse"/> reads the <c>{operation}Result</c> element.
    /// </summary>
    public Task<AwsReply<TResponse>> CallQueryAsync<TResponse>(
        string operation, IEnumerable<KeyValuePair<string, string?>> members, Func<XElement, TResponse> parse,
        Func<AwsError, Exception?>? claim, CancellationToken cancellationToken)
    {
        var version = service.ApiVersion ?? throw new InvalidOperationException($"{service.ServiceId} is not a query-protocol service");
        var body = Encoding.UTF8.GetBytes(QueryForm.Encode(
            [new("Action", operation), new("Version", version), .. members.Where(m => m.Value is not null)]));
        return SendAsync(operation, () => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Content(body) },
            (bytes, requestId) => parse(QueryXml.Result(service, operation, bytes, requestId)),
            (response, bytes, requestId) => QueryXml.Error((int)response.StatusCode, bytes, requestId),
            claim, cancellationToken);
    }
}
