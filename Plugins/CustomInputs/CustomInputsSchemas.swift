/// JSON Schemas of the custom-input routes: the `EventTypeCustomInput` model minus `id`, strict
/// (`schemaEventTypeCustomInputBodyParams` / `…EditBodyParams`).
enum CustomInputsSchemas {
    static let types = #"["TEXT","TEXTLONG","NUMBER","BOOL","RADIO","PHONE"]"#

    private static let fields = #"""
        "eventTypeId":{"type":"integer"},
        "label":{"type":"string"},
        "type":{"type":"string","enum":\#(types)},
        "required":{"type":"boolean"},
        "placeholder":{"type":"string"},
        "options":{"type":"array","nullable":true,"items":{"type":"object","required":["label","type"],"properties":{
          "label":{"type":"string"},"type":{"type":"string"}}}}
        """#

    static let createBody = #"""
        {"type":"object","additionalProperties":false,"required":["eventTypeId","label","type","required","placeholder"],"properties":{\#(fields)}}
        """#

    static let editBody = #"""
        {"type":"object","additionalProperties":false,"properties":{\#(fields)}}
        """#

    static let publicCustomInput = #"""
        {"type":"object","properties":{
          "id":{"type":"integer"},"eventTypeId":{"type":"integer"},"label":{"type":"string"},
          "type":{"type":"string","enum":\#(types)},
          "options":{"type":"array","nullable":true,"items":{"type":"object","properties":{"label":{"type":"string"},"type":{"type":"string"}}}},
          "required":{"type":"boolean"},"placeholder":{"type":"string"}},
         "example":{"id":5,"eventTypeId":12,"label":"Company","type":"TEXT","options":null,"required":true,
           "placeholder":"Where do you work?"}}
        """#
}
