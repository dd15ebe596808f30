package dev.ainfo.knowledge.boundary;

import dev.ainfo.knowledge.control.PolicyIndex;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts loading the policy index at the first request the application serves: by then deployment
 * is over (see {@link PolicyIndex#start()}), and a user opening the chat page gets an index loading
 * before their first question. Costs one volatile read per request afterwards.
 */
@WebListener
public class IndexStartOnFirstRequest implements ServletRequestListener {

    @Inject
    PolicyIndex index;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        index.start();
    }
}
