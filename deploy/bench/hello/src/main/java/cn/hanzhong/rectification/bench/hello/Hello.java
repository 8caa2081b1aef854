package cn.hanzhong.rectification.bench.hello;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint of the baseline. */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "hello";
    }
}
