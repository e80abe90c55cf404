/// `calapi openapi`: the document `/docs` serves for this config, without starting anything.
enum OpenAPICommand {
    static func run(_ options: Options) throws -> Int32 {
        try options.allow(["config"])
        let config = try CLI.loadConfig(options)
        let api = try ServedAPI.assemble(config: config)
        for refusal in api.refusals { Log.error("\(refusal)") }
        let bytes = api.openAPIDocument(serverURL: "http://\(config.host):\(config.port)/v1").serialized()
        print(String(decoding: bytes, as: UTF8.self))
        return 0
    }
}
