namespace PurchasePipeline.Local.Sql;

/// <summary>One SQL file: the name it is registered under and its text.</summary>
/// <param name="Name">The file name without its number prefix and extension (01_typed_purchases.sql → typed_purchases).</param>
/// <param name="Text">The SQL, as written in the file.</param>
internal sealed record SqlScript(string Name, string Text);
