using System.Text;
using PurchasePipeline.Aws.Protocol;
using PurchasePipeline.Core.Errors;

namespace PurchasePipeline.Aws.Tests.Clients;

/// <summary>The query protocol's XML: errors keep the service's code, message and request id; DTDs are refused.</summary>
public sealed class QueryXmlTests
{
    private const string NotFound =
        """<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error><RequestId>body-rid</RequestId></ErrorResponse>""";

    [Fact]
    public void Error_NoRequestIdHeader_TakesTheBodysRequestId()
    {
        var error = QueryXml.Error(404, Encoding.UTF8.GetBytes(NotFound), AwsClient.UnknownRequestId);
        Assert.Equal(new AwsError("NotFound", "Topic does not exist", 404, "body-rid"), error);
    }

    [Fact]
    public void Error_RequestIdHeader_WinsOverTheBody() =>
        Assert.Equal("header-rid", QueryXml.Error(404, Encoding.UTF8.GetBytes(NotFound), "header-rid").RequestId);

    [Theory]
    [InlineData("")]
    [InlineData("Service Unavailable")]
    [InlineData("""<!DOCTYPE e [<!ENTITY x "Throttling">]><ErrorResponse><Error><Code>&x;</Code></Error></ErrorResponse>""")]
    public void Error_BodyNotAnXmlError_IsNamedAfterTheStatus(string body)
    {
        var error = QueryXml.Error(503, Encoding.UTF8.GetBytes(body), "rid");
        Assert.Equal("HttpStatus503", error.Code);
        Assert.Equal("the error response is not XML", error.Message);
    }

    [Fact]
    public void Result_OtherOperationsResponse_ThrowsInvalidResponseNamingBoth()
    {
        var error = Assert.Throws<InvalidServiceResponseException>(() =>
            QueryXml.Result(AwsService.Sns, "Publish", Encoding.UTF8.GetBytes("<CreateTopicResponse/>"), "rid-1"));
        Assert.Contains("<CreateTopicResponse>, not <PublishResponse>", error.Message, StringComparison.Ordinal);
        Assert.Equal("rid-1", error.RequestId);
    }

    [Fact]
    public void Encode_Members_PercentEncodesNamesAndValues() =>
        Assert.Equal("Action=Publish&Subject=a%20b%26c%3Dd%2B%E2%82%AC", QueryForm.Encode([new("Action", "Publish"), new("Subject", "a b&c=d+€")]));
}
