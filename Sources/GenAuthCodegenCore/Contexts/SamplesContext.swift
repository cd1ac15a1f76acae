/// `swift-samples.mustache`: every Swift sample of the docs, each the body of a function, so that the
/// test target compiles exactly what the docs show.
struct SamplesFileContext: TemplateContext {
    let header: [String]
    let imports: [String]
    let samples: [SampleFunctionContext]
}

struct SampleFunctionContext: TemplateContext {
    /// The doc page the sample is shown on, `docs/en/…/send-sms.md`.
    let docPage: String
    let functionName: String
    /// `@available(*, deprecated)` for a deprecated endpoint, whose sample may call it without a warning.
    let availability: String?
    /// The sample's lines, indented for a function body; empty lines stay empty.
    let bodyLines: [String]
}
