/// The JSON of `/api/v1/query_range`, success and error alike.
///
/// `{"status":"success","data":{"resultType":"matrix","result":[{"metric":{…},
/// "values":[[1735689600,"12.5"],…]}]}}` or `{"status":"error","errorType":"bad_data",
/// "error":"…"}`.
struct QueryRangeResponse: Decodable {
  struct Payload: Decodable {
    var resultType: String
    var result: [MatrixSeries]
  }

  struct MatrixSeries: Decodable {
    var metric: [String: String]
    var values: [Sample]
  }

  /// `[<unix seconds, possibly fractional>, "<value as text>"]`.
  struct Sample: Decodable {
    var time: Double
    var value: String

    init(from decoder: any Decoder) throws {
      var container = try decoder.unkeyedContainer()
      time = try container.decode(Double.self)
      value = try container.decode(String.self)
    }
  }

  var status: String
  var data: Payload?
  var errorType: String?
  var error: String?
}
