namespace AepFlow.Http;

/// <summary>The path prefixes of the Adobe Experience Platform services the client talks to, relative to the base address.</summary>
public static class ServiceBasePaths
{
    /// <summary>Flow Service: connections, flowSpecs, connectionSpecs, flows and runs.</summary>
    public const string FlowService = "/data/foundation/flowservice";

    /// <summary>Data Prep: mapping sets.</summary>
    public const string Conversion = "/data/foundation/conversion";

    /// <summary>Catalog: datasets.</summary>
    public const string Catalog = "/data/foundation/catalog";

    /// <summary>Schema Registry: XDM schemas.</summary>
    public const string SchemaRegistry = "/data/foundation/schemaregistry";
}
