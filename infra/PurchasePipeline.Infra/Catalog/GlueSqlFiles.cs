using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3.Assets;
using Amazon.CDK.CustomResources;
using Constructs;

namespace PurchasePipeline.Infra.Catalog;

/// <summary>
/// Puts each file of a SQL folder at PREFIX/NAME in the lake bucket, under its own name: glue/sql for the job's
/// --sql_path, glue/validation for its --validation_path.
/// </summary>
/// <remarks>
/// An asset's object key is its hash, and the job finds its SQL by file name (NN_view.sql, rule.sql), so neither the
/// asset itself nor --extra-files (which keeps the key's name) will do: each asset is copied (S3
/// CopyObject) by a custom resource whose role may read exactly that asset and write exactly that key.
/// </remarks>
public sealed class GlueSqlFiles : Construct
{
    public GlueSqlFiles(Construct scope, string id, GlueSqlFilesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var bucket = props.Storage.Bucket;
        var hashes = new List<string>();
        foreach (var file in props.Files)
        {
            var name = Path.GetFileName(file);
            var key = props.Prefix + name;
            var asset = new Asset(this, name, new AssetProps { Path = file });
            hashes.Add(name + "=" + asset.AssetHash);
            var call = new AwsSdkCall
            {
                Service = "S3",
                Action = "copyObject",
                Parameters = new Dictionary<string, object>
                {
                    ["Bucket"] = bucket.BucketName,
                    ["Key"] = key,
                    ["CopySource"] = $"{asset.S3BucketName}/{asset.S3ObjectKey}",
                },
                PhysicalResourceId = PhysicalResourceId.Of(key),
            };
            _ = new AwsCustomResource(this, "Copy" + name, new AwsCustomResourceProps
            {
                OnCreate = call,
                OnUpdate = call,
                OnDelete = new AwsSdkCall
                {
                    Service = "S3",
                    Action = "deleteObject",
                    Parameters = new Dictionary<string, object> { ["Bucket"] = bucket.BucketName, ["Key"] = key },
                },
                InstallLatestAwsSdk = false,
                Policy = AwsCustomResourcePolicy.FromStatements(
                [
                    new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = [asset.Bucket.ArnForObjects(asset.S3ObjectKey)] }),
                    new PolicyStatement(new PolicyStatementProps { Actions = ["s3:PutObject", "s3:DeleteObject"], Resources = [bucket.ArnForObjects(key)] }),
                ]),
            });
        }

        Version = EtlJob.Hash(hashes);
    }

    /// <summary>Changes with any SQL file, so the job's definition (and so its dependents) changes with them.</summary>
    public string Version { get; }
}
