package org.customsbridge.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad parameters of the operations API answer 400 with a JSON body naming the parameter, so that
 * a script calling it sees what to fix instead of Spring's generic error page. Limited to the
 * operations and reports controllers: the simulator answers errors the way Alipay does.
 */
@RestControllerAdvice(basePackages = {"org.customsbridge.operations", "org.customsbridge.reports"})
public class ApiErrors {

    @ExceptionHandler(BadParameterException.class)
    ResponseEntity<Map<String, String>> badParameter(BadParameterException e) {
        return badRequest(e.parameter(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(e.getName(), e.getName() + ": not a valid value: " + e.getValue());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return badRequest(e.getParameterName(), e.getParameterName() + ": required");
    }

    static ResponseEntity<Map<String, String>> badRequest(String parameter, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "bad request");
        body.put("parameter", parameter);
        body.put("message", message);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }
}
