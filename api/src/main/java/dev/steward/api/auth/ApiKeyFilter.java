package dev.steward.api.auth;

import dev.steward.core.account.ApiKey;
import dev.steward.core.account.ApiKeyRepository;
import dev.steward.core.account.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/** Every /api call carries {@code Authorization: Bearer <key>}; the key decides the caller and its account. */
@Component
class ApiKeyFilter extends OncePerRequestFilter {
    static final String CALLER = Caller.class.getName();
    private final OperatorKey operator;
    private final ApiKeyRepository keys;

    ApiKeyFilter(OperatorKey operator, ApiKeyRepository keys) {
        this.operator = operator;
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = bearer(request).flatMap(this::resolve);
        if (caller.isEmpty()) {
            response.setStatus(401);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            response.setContentType("application/problem+json");
            response.getWriter().write("""
                    {"type":"about:blank","title":"Unauthorized","status":401,\
                    "detail":"Send a valid API key as 'Authorization: Bearer <key>'"}""");
            return;
        }
        request.setAttribute(CALLER, caller.get());
        chain.doFilter(request, response);
    }

    private Optional<Caller> resolve(String key) {
        if (operator.matches(key)) {
            return Optional.of(Caller.operator());
        }
        return keys.findByKeyHash(ApiKeys.hash(key)).filter(ApiKey::active)
                .map(k -> new Caller(k.accountId(), k.role(), k.role().name().toLowerCase() + ":" + k.keyPrefix()));
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = header.substring(7).trim();
        return key.isEmpty() || key.length() > 200 ? Optional.empty() : Optional.of(key);
    }
}
